package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The readers' API page and the OpenAPI contract list the same operations. */
class ServerApiReferenceTest {
  @Test
  void pageAndContractDescribeTheSameOperations() throws Exception {
    JsonNode openApi = new YAMLMapper().readTree(Docs.OPENAPI.toFile());
    Set<String> contract = new TreeSet<>();
    for (Iterator<String> paths = openApi.get("paths").fieldNames(); paths.hasNext(); ) {
      String path = paths.next();
      openApi
          .get("paths")
          .get(path)
          .fieldNames()
          .forEachRemaining(m -> contract.add(m.toUpperCase() + " " + path));
    }
    Set<String> page = new TreeSet<>();
    Matcher m =
        Pattern.compile("(?m)^### `(GET|POST|PUT|DELETE|PATCH) (/[^`]*)`$")
            .matcher(Files.readString(Docs.ROOT.resolve("reference/server-api.md")));
    while (m.find()) {
      page.add(m.group(1) + " " + m.group(2));
    }

    assertThat(page).isEqualTo(contract).hasSize(5);
  }
}
