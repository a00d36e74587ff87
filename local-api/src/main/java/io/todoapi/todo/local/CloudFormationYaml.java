package io.todoapi.todo.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads CloudFormation/SAM YAML: the short-form intrinsic tags ({@code !Ref X}, {@code !GetAtt A.B},
 * {@code !Sub ...}, any {@code !Name}) become their long form ({@code {Ref: X}}, {@code {Fn::GetAtt: [A, B]}},
 * {@code {Fn::Sub: ...}}), so the rest of local-api (and the deployment tests) see one shape whichever form a file
 * uses. Also the two accessors every reader of such a tree needs ({@link #map}, {@link #list}).
 */
public final class CloudFormationYaml {

    private CloudFormationYaml() {}

    public static Map<String, Object> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document = new Yaml(new IntrinsicsConstructor(options)).load(yaml);
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("expected a YAML mapping at the top level");
        }
        return (Map<String, Object>) document;
    }

    /** {@code value} as a mapping, or an empty one when it is absent or not a mapping. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** {@code value} as a sequence, or an empty one when it is absent or not a sequence. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    private static final class IntrinsicsConstructor extends SafeConstructor {
        IntrinsicsConstructor(LoaderOptions options) {
            super(options);
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String name = node.getTag().getValue().substring(1);
                    Object value = switch (node) {
                        case ScalarNode scalar -> scalar.getValue();
                        case SequenceNode sequence -> constructSequence(sequence);
                        case MappingNode mapping -> constructMapping(mapping);
                        default -> throw new IllegalStateException("unexpected node " + node);
                    };
                    if (name.equals("Ref") || name.equals("Condition")) {
                        return Map.of(name, value);
                    }
                    if (name.equals("GetAtt") && value instanceof String dotted) {
                        int dot = dotted.indexOf('.');
                        value = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
                    }
                    return Map.of("Fn::" + name, value);
                }
            });
        }
    }
}
