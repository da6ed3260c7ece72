package io.prax.approval;

import java.util.UUID;

/** The id of an approval. */
public record ApprovalId(UUID value) {
}
