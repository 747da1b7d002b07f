package app.premia.sandbox;

/** Server settings: port (0 = random free port) and the size of the request thread pool. */
public final class SandboxConfig {
  private final int port;
  private final int threads;

  private SandboxConfig(Builder b) {
    this.port = b.port;
    this.threads = b.threads;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int port() {
    return port;
  }

  public int threads() {
    return threads;
  }

  public static final class Builder {
    private int port = 0;
    private int threads = 16;

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public SandboxConfig build() {
      return new SandboxConfig(this);
    }
  }
}
