package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The record of one CreateAccount request (the model's CreateAccountStatus).
 *
 * @param id                 {@code car-} and 32 lowercase letters or digits
 * @param failureReason      a CreateAccountFailureReason value when the state is FAILED
 */
public record CreateAccountStatus(String id, String accountName, CreateAccountState state,
                                  Instant requestedTimestamp, Optional<Instant> completedTimestamp,
                                  Optional<String> accountId, Optional<String> failureReason) {
    public CreateAccountStatus {
        requireNonNull(id, "id");
        requireNonNull(accountName, "accountName");
        requireNonNull(state, "state");
        requireNonNull(requestedTimestamp, "requestedTimestamp");
        requireNonNull(completedTimestamp, "completedTimestamp");
        requireNonNull(accountId, "accountId");
        requireNonNull(failureReason, "failureReason");
    }
}
