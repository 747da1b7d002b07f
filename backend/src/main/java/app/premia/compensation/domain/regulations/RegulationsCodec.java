package app.premia.compensation.domain.regulations;

/**
 * The JSON form a published version is stored in ({@link RegulationsDocument#stored()}), and back.
 *
 * <p>Not implemented yet (the writer's helper owns it).
 */
public final class RegulationsCodec {

  private RegulationsCodec() {}

  public static String toJson(RegulationsDocument document) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public static RegulationsDocument fromJson(String json) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
