package io.todoapi.todo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnapshotStateTest {

    /** What {@code jcmd <pid> -f} printed for GC.run, GC.heap_info, Compiler.codelist, Compiler.queue (JDK 25, Serial). */
    private static final String SERIAL = """
            1331:
            Command executed successfully
            DefNew     total 116224K, used 2067K [0x0000000686a00000, 0x000000068e810000, 0x00000007046a0000)
             eden space 103360K,   2% used [0x0000000686a00000, 0x0000000686c04cd0, 0x000000068cef0000)
             from space 12864K,   0% used [0x000000068cef0000, 0x000000068cef0000, 0x000000068db80000)
             to   space 12864K,   0% used [0x000000068db80000, 0x000000068db80000, 0x000000068e810000)
            Tenured    total 258048K, used 2792K [0x00000007046a0000, 0x00000007142a0000, 0x0000000800000000)
             the  space 258048K,   1% used [0x00000007046a0000, 0x000000070495a0f8, 0x00000007142a0000)
            3 0 0 jdk.internal.misc.Unsafe.getReferenceVolatile(Ljava/lang/Object;J)Ljava/lang/Object; [0x1, 0x2 - 0x3]
            11 4 1 java.lang.Object.<init>()V [0x00007fbc9fec7308, 0x00007fbc9fec7400 - 0x00007fbc9fec7478]
            633 3 0 jdk.internal.constant.ConstantUtils.referenceClassDesc(Ljava/lang/String;)Ljava/lang/constant/ClassDesc; [0x1, 0x2 - 0x3]
            630 1 0 java.util.ImmutableCollections$ListItr.hasNext()Z [0x00007fbc984ac288, 0x00007fbc984ac380 - 0x00007fbc984ac4d0]
            635 2 0 java.util.HashMap$ValueIterator.next()Ljava/lang/Object; [0x00007fbc984ac588, 0x00007fbc984ac680 - 0x1]
            640 4 0 java.lang.String.hashCode()I [0x00007fbc984ac588, 0x00007fbc984ac680 - 0x00007fbc984ac840]
            Current compiles:\s
            C2 CompilerThread0  650       4       java.util.HashMap::getNode (150 bytes)

            C1 compile queue:
             642       3       jdk.internal.classfile.impl.SplitConstantPool::nameAndTypeEntry (60 bytes)
             643       3       java.lang.String::equals (56 bytes)
             644 s !   3       java.util.Hashtable::get (69 bytes)

            C2 compile queue:
            Empty
            """;

    @Test
    void addsUpTheGenerationsOfTheSerialHeap() {
        SnapshotState state = SnapshotState.parse(SERIAL);

        assertThat(state.heapUsedBytes()).isEqualTo((2067L + 2792L) * 1024);
        assertThat(state.heapCommittedBytes()).isEqualTo((116224L + 258048L) * 1024);
        assertThat(state.heapUsedMegabytes()).isEqualTo((2067 + 2792) * 1024 / 1e6);
    }

    @Test
    void countsTheMethodsInUseByCompilerAndThePendingCompilations() {
        SnapshotState state = SnapshotState.parse(SERIAL);

        // levels 1-3 are C1, 4 is C2, 0 a native wrapper; state 1 is no longer in use
        assertThat(state.c1Methods()).isEqualTo(3);
        assertThat(state.c2Methods()).isEqualTo(1);
        // one running, three queued
        assertThat(state.pendingCompilations()).isEqualTo(4);
    }

    @Test
    void readsTheOtherCollectorsHeapLines() {
        SnapshotState g1 = SnapshotState.parse("""
                660:
                garbage-first heap   total reserved 6184960K, committed 393216K, used 10546K [0x0000000686800000, 0x0000000800000000)
                 region size 4096K, 3 young (12288K), 1 survivors (4096K)
                """);
        SnapshotState parallel = SnapshotState.parse("""
                731:
                PSYoungGen      total 113152K, used 29364K [0x0000000782380000, 0x000000078a180000, 0x0000000800000000)
                 eden space 97280K, 30% used [0x0000000782380000,0x000000078402d1d0,0x0000000788280000)
                ParOldGen       total 258048K, used 1166K [0x0000000686a00000, 0x0000000696600000, 0x0000000782380000)
                 object space 258048K, 0% used [0x0000000686a00000,0x0000000686b23ab8,0x0000000696600000)
                """);

        assertThat(g1).isEqualTo(new SnapshotState(10546L * 1024, 393216L * 1024, 0, 0, 0));
        assertThat(parallel).isEqualTo(new SnapshotState((29364L + 1166L) * 1024, (113152L + 258048L) * 1024, 0, 0, 0));
    }

    @Test
    void refusesOutputWithoutHeapFigures() {
        assertThatThrownBy(() -> SnapshotState.parse("1331:\nCommand executed successfully\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no heap figures in the jcmd output");
    }
}
