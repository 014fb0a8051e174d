package io.strongroom.policy;

/** The Effect of a statement. */
public enum Effect { ALLOW, DENY }
