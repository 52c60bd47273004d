// Fills a spec-kitty event queue with N synthetic events, through the CLI's own EventQueue.
// Run: java -cp "cli/target/spec-kitty/lib/*" bench/QueueFiller.java <queue.db> <count>
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.speckitty.cli.queue.EventQueue;
import dev.speckitty.cli.queue.NewEvent;
import dev.speckitty.cli.queue.ProjectRef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

public class QueueFiller {
  public static void main(String[] args) {
    Path db = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    ProjectRef project = new ProjectRef("3f1c9a52-0000-4000-8000-00000000bench", "bench");
    try (EventQueue queue = EventQueue.open(db)) {
      for (int done = 0; done < count; ) {
        int n = Math.min(5000, count - done);
        List<NewEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          int k = done + i;
          events.add(
              new NewEvent(
                  "WPStatusChanged",
                  "WorkPackage",
                  "001-bench/WP" + (k % 50),
                  JsonNodeFactory.instance
                      .objectNode()
                      .put("feature_id", "001-bench")
                      .put("wp_id", "WP" + (k % 50))
                      .put("from_lane", "planned")
                      .put("to_lane", "doing")));
        }
        queue.append(events, project, "local", Instant.now());
        done += n;
      }
      System.out.println("queued " + queue.queuedCount() + " events in " + db);
    }
  }
}
