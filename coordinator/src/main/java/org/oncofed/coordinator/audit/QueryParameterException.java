package org.oncofed.coordinator.audit;

/** An audit query parameter outside what the query accepts; names the parameter. */
public final class QueryParameterException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;
  private final String parameter;

  public QueryParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
