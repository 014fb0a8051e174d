package io.strongroom.kms;

/**
 * Who manages a key: the customer, or AWS on the customer's behalf (an AWS managed key such as
 * {@code alias/aws/s3}, made by a service the first time it needs one and never changed by the
 * customer: its policy, state, rotation, tags and alias are fixed).
 */
public enum KeyManager {
    CUSTOMER,
    AWS
}
