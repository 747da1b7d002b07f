package app.premia.crm.domain;

/** A deal pipeline ("category"); the default one has id 0. */
public record PipelineFact(int id, String name, int sort, boolean isDefault) {}
