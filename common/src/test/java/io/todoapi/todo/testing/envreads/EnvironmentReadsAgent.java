package io.todoapi.todo.testing.envreads;

import io.todoapi.todo.testing.envreads.boot.EnvironmentReads;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodModel;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.function.Consumer;
import java.util.jar.JarFile;

/**
 * A Java agent for the function JVMs of the artifact tests: it makes {@code System.getenv(name)} report each name it
 * is asked for, and {@code System.getenv()} report that the whole environment was read, to {@link EnvironmentReads},
 * so that a test can fail when a function reads a variable that Lambda does not set in that mode. It rewrites the
 * two methods of {@code java.lang.System} with the JDK's class-file API.
 */
public final class EnvironmentReadsAgent {

    private static final ClassDesc RECORDER = ClassDesc.of("io.todoapi.todo.testing.envreads.boot.EnvironmentReads");
    private static final MethodTypeDesc RECORD = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String);
    private static final String ONE = "(Ljava/lang/String;)Ljava/lang/String;";
    private static final String ALL = "()Ljava/util/Map;";

    private EnvironmentReadsAgent() {}

    /**
     * {@code arguments} is {@code <path of the recorder's jar>|<file that gets one name per line>}. (Only constants of
     * {@link EnvironmentReads} are used here, which the compiler copies: the class itself must be loaded from the
     * boot class path, not from this agent's class loader.)
     */
    public static void premain(String arguments, Instrumentation instrumentation) throws Exception {
        String[] parts = arguments.split("\\|", 2);
        // java.lang.System can only call classes of the boot class path: the recorder must be loaded from there.
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(parts[0]));
        System.setProperty(EnvironmentReads.FILE_PROPERTY, parts[1]);
        instrumentation.addTransformer(new Transformer(), true);
        instrumentation.retransformClasses(System.class);
    }

    private static final class Transformer implements ClassFileTransformer {
        @Override
        public byte[] transform(
                Module module,
                ClassLoader loader,
                String className,
                Class<?> redefined,
                ProtectionDomain domain,
                byte[] bytes) {
            if (!"java/lang/System".equals(className)) {
                return null;
            }
            // Two passes: ClassTransform.andThen of two method-body transforms kept only the second's changes (JDK 25).
            ClassFile classFile = ClassFile.of();
            byte[] one = classFile.transformClass(
                    classFile.parse(bytes),
                    ClassTransform.transformingMethodBodies(
                            method -> is(method, ONE), new Prepend(code -> code.aload(0))));
            return classFile.transformClass(
                    classFile.parse(one),
                    ClassTransform.transformingMethodBodies(
                            method -> is(method, ALL),
                            new Prepend(code -> code.ldc(EnvironmentReads.WHOLE_ENVIRONMENT))));
        }

        private static boolean is(MethodModel method, String descriptor) {
            return method.methodName().equalsString("getenv")
                    && method.methodType().equalsString(descriptor);
        }
    }

    /** Calls {@code EnvironmentReads.read(name)} first, with the name {@code pushName} puts on the stack. */
    private record Prepend(Consumer<CodeBuilder> pushName) implements CodeTransform {
        @Override
        public void atStart(CodeBuilder code) {
            pushName.accept(code);
            code.invokestatic(RECORDER, "read", RECORD);
        }

        @Override
        public void accept(CodeBuilder code, CodeElement element) {
            code.with(element);
        }
    }
}
