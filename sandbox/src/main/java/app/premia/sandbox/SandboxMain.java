package app.premia.sandbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Standalone sandbox: {@code java -jar premia-sandbox.jar [--port 8090] [--demo] [--portal
 * name:seed:deals[:enterprise][:managers=N]]... [--anchor YYYY-MM-DD]}.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = 8090;
    boolean demo = false;
    LocalDate anchor = LocalDate.now(Ts.ZONE);
    List<String> portals = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--demo" -> demo = true;
        case "--portal" -> portals.add(args[++i]);
        case "--anchor" -> anchor = LocalDate.parse(args[++i]);
        case "--help", "-h" -> {
          System.out.println(
              "usage: java -jar premia-sandbox.jar [--port 8090] [--demo]"
                  + " [--portal name:seed:deals[:enterprise][:managers=N]]..."
                  + " [--anchor YYYY-MM-DD]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    SandboxServer server = SandboxServer.start(SandboxConfig.builder().port(port).build());
    List<PortalSpec> specs = new ArrayList<>();
    if (demo) {
      specs.addAll(demoPortals(anchor));
    }
    for (String p : portals) {
      specs.add(portalSpec(p, anchor));
    }
    for (PortalSpec s : specs) {
      Portal p;
      try {
        p = server.createPortal(s);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      System.out.println(
          "PORTAL "
              + p.name()
              + " webhook="
              + p.webhookUrl()
              + " member_id="
              + p.memberId()
              + " client_id="
              + p.clientId()
              + " client_secret="
              + p.clientSecret()
              + " deals="
              + s.deals()
              + (s.managers() > 0 ? " managers=" + s.managers() : ""));
    }
    System.out.println("READY " + server.baseUrl());
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    Thread.currentThread().join();
  }

  /**
   * One {@code --portal} value: {@code name:seed:deals} followed by optional fields in any order,
   * {@code enterprise} (or {@code standard}) and {@code managers=N} (the sales staff, 6..10 000;
   * default deals ÷ 150 clamped to 6..60).
   */
  static PortalSpec portalSpec(String value, LocalDate anchor) {
    String[] f = value.split(":");
    if (f.length < 3) {
      throw new IllegalArgumentException(
          "--portal name:seed:deals[:enterprise][:managers=N]: " + value);
    }
    PortalSpec.Builder b =
        PortalSpec.builder()
            .name(f[0])
            .seed(Long.parseLong(f[1]))
            .deals(Integer.parseInt(f[2]))
            .anchorDate(anchor);
    for (int i = 3; i < f.length; i++) {
      if (f[i].equalsIgnoreCase("enterprise")) {
        b.plan(Plan.ENTERPRISE);
      } else if (f[i].equalsIgnoreCase("standard")) {
        b.plan(Plan.STANDARD);
      } else if (f[i].startsWith("managers=")) {
        b.managers(Integer.parseInt(f[i].substring("managers=".length())));
      } else {
        throw new IllegalArgumentException("--portal: unknown field " + f[i] + " in " + value);
      }
    }
    return b.build();
  }

  /** The three demo portals: alfa (seed 1, 3000 deals), beta (2, 1500), gamma (3, 800). */
  public static List<PortalSpec> demoPortals(LocalDate anchor) {
    return List.of(
        PortalSpec.builder().name("alfa").seed(1).deals(3000).anchorDate(anchor).build(),
        PortalSpec.builder().name("beta").seed(2).deals(1500).anchorDate(anchor).build(),
        PortalSpec.builder().name("gamma").seed(3).deals(800).anchorDate(anchor).build());
  }
}
