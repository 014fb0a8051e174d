/**
 * The names S3 accepts for buckets (the general purpose bucket naming rules) and object keys (up to
 * 1024 bytes of well-formed UTF-8), failing with the error codes S3 returns for names it refuses.
 */
package io.strongroom.s3.naming;
