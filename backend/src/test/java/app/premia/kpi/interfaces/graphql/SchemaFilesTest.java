package app.premia.kpi.interfaces.graphql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every SDL file of every context merges into one registry, as the engine merges them at start: a
 * type declared twice (kpi.graphqls once redeclared crm's {@code Pipeline}) fails here rather than
 * at deployment.
 */
class SchemaFilesTest {

  @Test
  void everySdlFile_mergesWithoutRedefiningAType() throws IOException {
    TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("src/main/resources/graphql"))) {
      files = list.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList();
    }
    assertTrue(files.size() >= 7, files.toString());
    for (Path file : files) {
      registry.merge(new SchemaParser().parse(Files.readString(file, StandardCharsets.UTF_8)));
    }
    assertTrue(registry.getType("KpiPipeline").isPresent());
    assertTrue(registry.getType("Pipeline").isPresent());
  }
}
