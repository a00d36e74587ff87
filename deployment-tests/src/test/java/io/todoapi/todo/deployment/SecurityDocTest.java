package io.todoapi.todo.deployment;

import static io.todoapi.todo.deployment.Project.list;
import static io.todoapi.todo.deployment.Project.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md's table "Where each control is in template.yaml" against template.yaml: every place it names
 * exists, and holds the value it states, so the document cannot claim a control the template does not have.
 */
class SecurityDocTest {

    private static final String HEADING = "## Where each control is in template.yaml";
    /** Top-level sections of a template; any other first segment is a resource's logical id. */
    private static final Set<String> SECTIONS = Set.of("Parameters", "Globals", "Conditions", "Outputs");
    /** Resource attributes, beside its Properties. */
    private static final Set<String> ATTRIBUTES =
            Set.of("Type", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "DependsOn");
    /** `A.B[Name].C=value`: a path, list elements picked by their Name, an optional expected value. */
    private static final Pattern PLACE =
            Pattern.compile("`([A-Z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+(?:\\[[^\\]]+\\])?)+)" + "(?:=([^`]+))?`");

    @Test
    void everyPlaceTheControlTableNamesIsInTheTemplateWithTheStatedValue() {
        List<String> rows = controlRows();
        assertThat(rows)
                .as("rows of the table under \"%s\" in docs/security.md", HEADING)
                .hasSizeGreaterThan(10);
        int places = 0;
        for (String row : rows) {
            String[] cells = row.split("\\|");
            assertThat(cells).as("row %s", row).hasSizeGreaterThanOrEqualTo(4);
            Matcher place = PLACE.matcher(cells[2]);
            int inRow = 0;
            while (place.find()) {
                Object value = resolve(place.group(1));
                assertThat(value)
                        .as("docs/security.md names %s, which template.yaml does not have", place.group(1))
                        .isNotNull();
                if (place.group(2) != null) {
                    assertThat(String.valueOf(value))
                            .as("value of %s in template.yaml", place.group(1))
                            .isEqualTo(place.group(2));
                }
                inRow++;
            }
            assertThat(inRow).as("places named in row %s", cells[1].strip()).isPositive();
            places += inRow;
        }
        System.out.println("docs/security.md: " + rows.size() + " controls, " + places + " places checked");
    }

    @Test
    void aPlaceTheTemplateLacksOrAWrongValueIsFound() {
        assertThat(resolve("TodoUserPoolClient.IdTokenValidity")).isEqualTo(15);
        assertThat(resolve("TodoUserPoolClient.NoSuchProperty")).isNull();
        assertThat(resolve("NoSuchResource.Anything")).isNull();
        assertThat(resolve("ApiWebAcl.Rules[no-such-rule]")).isNull();
        assertThat(map(resolve("ApiWebAcl.Rules[rate-per-ip]"))).containsEntry("Priority", 3);
        assertThat(resolve("TodoTable.DeletionPolicy")).isEqualTo("Retain");
    }

    private static List<String> controlRows() {
        String doc = Project.read("docs/security.md");
        int start = doc.indexOf(HEADING);
        assertThat(start).as("docs/security.md has the section \"%s\"", HEADING).isNotNegative();
        int end = doc.indexOf("\n## ", start + HEADING.length());
        List<String> rows = new ArrayList<>();
        for (String line :
                doc.substring(start, end < 0 ? doc.length() : end).lines().toList()) {
            if (line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| Control |")) {
                rows.add(line);
            }
        }
        return rows;
    }

    /** The value at {@code path} in template.yaml, or null when there is none. */
    private static Object resolve(String path) {
        String[] segments = path.split("\\.");
        Object current;
        int next;
        if (SECTIONS.contains(segments[0])) {
            current = Project.template().get(segments[0]);
            next = 1;
        } else {
            Object resource = map(Project.template().get("Resources")).get(segments[0]);
            if (resource == null) {
                return null;
            }
            boolean attribute = segments.length > 1 && ATTRIBUTES.contains(segments[1]);
            current = attribute ? resource : map(resource).get("Properties");
            next = 1;
        }
        for (int i = next; i < segments.length && current != null; i++) {
            Matcher element = Pattern.compile("([A-Za-z0-9_]+)\\[([^\\]]+)\\]").matcher(segments[i]);
            if (element.matches()) {
                current = list(map(current).get(element.group(1))).stream()
                        .filter(item -> element.group(2).equals(map(item).get("Name")))
                        .findFirst()
                        .orElse(null);
            } else {
                current = current instanceof Map<?, ?> m ? m.get(segments[i]) : null;
            }
        }
        return current;
    }
}
