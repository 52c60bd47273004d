package dev.speckitty.site;

import dev.speckitty.mockserver.Fixtures;
import dev.speckitty.mockserver.MockTeamServer;
import dev.speckitty.mockserver.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The main job's last step: serves the verified site and the sandbox team server side by side on
 * 127.0.0.1, prints both addresses, and stops both on Ctrl-C.
 */
public final class PreviewServer {
  private PreviewServer() {}

  /** Arguments: site dir, site port (0: any), sandbox port (0: any). */
  public static void main(String[] args) throws Exception {
    Path site = Path.of(args[0]);
    int sitePort = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
    int sandboxPort = args.length > 2 ? Integer.parseInt(args[2]) : SandboxServer.DEFAULT_PORT;
    if (!Files.isRegularFile(site.resolve("index.html"))) {
      System.err.println("❌ No site in " + site + ". Build it first: ./serve");
      System.exit(2);
    }
    SiteServer web = new SiteServer(site, sitePort);
    MockTeamServer sandbox = MockTeamServer.start(sandboxPort, Optional.empty());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  web.close();
                  sandbox.close();
                  stopped.countDown();
                }));
    Fixtures.User demo = Fixtures.demoUser();
    System.out.println("Docs site:       " + web.baseUrl());
    System.out.println(
        "Sandbox server:  "
            + sandbox.baseUrl()
            + "   (login "
            + demo.username()
            + " / "
            + demo.password()
            + ")");
    System.out.println(
        "Dashboard:       " + sandbox.baseUrl() + "/a/" + sandbox.team() + "/dashboards/");
    System.out.println("Press Ctrl-C to stop both.");
    System.out.flush();
    stopped.await();
  }
}
