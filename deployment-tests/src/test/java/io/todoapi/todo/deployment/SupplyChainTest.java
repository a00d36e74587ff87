package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the build trusts: the Maven wrapper checks the SHA-256 of the Maven it downloads, Maven fails on a checksum
 * mismatch of any artifact (strict checksums, .mvn/maven.config), and Dependabot watches every ecosystem the
 * repository pins (Maven, each npm package with a lock file, GitHub Actions).
 */
class SupplyChainTest {

    @Test
    void theMavenWrapperPinsTheDistributionAndItsSha256() throws IOException {
        Properties wrapper = new Properties();
        wrapper.load(new StringReader(Project.read(".mvn/wrapper/maven-wrapper.properties")));
        assertThat(wrapper.getProperty("distributionUrl"))
                .matches(
                        "https://repo\\.maven\\.apache\\.org/maven2/org/apache/maven/apache-maven/(\\d+\\.\\d+\\.\\d+)/"
                                + "apache-maven-\\1-bin\\.zip");
        // The sum of that exact zip (the wrapper compares it before unpacking and refuses a mismatch).
        assertThat(wrapper.getProperty("distributionSha256Sum"))
                .as("distributionSha256Sum")
                .matches("[0-9a-f]{64}");
    }

    @Test
    void mavenChecksumsAreStrict() {
        assertThat(Project.read(".mvn/maven.config").lines().map(String::strip))
                .as(".mvn/maven.config (read by ./mvnw and by sam build's make targets)")
                .contains("--strict-checksums");
    }

    @Test
    void dependabotWatchesMavenEveryNpmLockFileAndGitHubActions() throws IOException {
        Map<String, Object> config =
                map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Project.read(".github/dependabot.yml")));
        assertThat(config.get("version")).isEqualTo(2);
        Map<String, Set<String>> watched = new java.util.LinkedHashMap<>();
        for (Object update : list(config.get("updates"))) {
            Map<String, Object> entry = map(update);
            Set<String> directories = watched.computeIfAbsent(
                    String.valueOf(entry.get("package-ecosystem")), ecosystem -> new TreeSet<>());
            if (entry.containsKey("directory")) {
                directories.add(String.valueOf(entry.get("directory")));
            }
            list(entry.get("directories")).forEach(directory -> directories.add(String.valueOf(directory)));
            assertThat(map(entry.get("schedule")))
                    .as("%s schedule", entry.get("package-ecosystem"))
                    .containsKey("interval");
        }
        assertThat(watched).containsOnlyKeys("maven", "npm", "github-actions");
        assertThat(watched.get("maven")).containsExactly("/");
        assertThat(watched.get("github-actions")).containsExactly("/");
        assertThat(watched.get("npm")).as("npm directories").containsAll(npmPackagesWithLockFiles());
    }

    /** Directories (as "/a/b") of every package-lock.json of the repository, outside node_modules and build output. */
    private static List<String> npmPackagesWithLockFiles() throws IOException {
        Path root = Project.root();
        List<String> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = !dir.equals(root)
                        && (name.equals("node_modules") || name.equals("target") || name.startsWith("."));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.getFileName().toString().equals("package-lock.json")) {
                    found.add("/" + root.relativize(file.getParent()).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertThat(found).as("package-lock.json files of the repository").isNotEmpty();
        return found;
    }
}
