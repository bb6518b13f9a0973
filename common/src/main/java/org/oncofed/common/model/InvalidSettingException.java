package org.oncofed.common.model;

/** A training setting that is out of range or conflicts with another, naming the setting at fault. */
public final class InvalidSettingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String setting;

  public InvalidSettingException(String setting, String message) {
    super(setting + ": " + message);
    this.setting = setting;
  }

  /** The setting's name as in an experiment configuration's {@code training} section. */
  public String setting() {
    return setting;
  }

  /** The message without the setting's name. */
  public String reason() {
    return getMessage().substring(setting.length() + 2);
  }
}
