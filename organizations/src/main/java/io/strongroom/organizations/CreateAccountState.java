package io.strongroom.organizations;

/** The model's CreateAccountState. */
public enum CreateAccountState {
    IN_PROGRESS,
    SUCCEEDED,
    FAILED
}
