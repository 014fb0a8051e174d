/**
 * CloudTrail's API over the audit trail: LookupEvents, and trails as resources.
 *
 * <p>{@link io.strongroom.audit.trails.CloudTrailService} is the entry point: one method per
 * operation, authorised as {@code cloudtrail:<Operation>} through IAM. LookupEvents reads the
 * hash-chained records of the caller's account ({@link io.strongroom.audit.AuditRepository#lookup});
 * its page tokens are bound to the request and authenticated ({@code LookupTokens}).
 *
 * <p>Trails never decide what is recorded or what LookupEvents finds: every call is recorded. A
 * trail decides what the export sinks deliver. Each change to a trail is kept as a new
 * {@link io.strongroom.audit.trails.TrailVersion} ({@link io.strongroom.audit.trails.TrailRepository}),
 * so {@link io.strongroom.audit.trails.TrailDelivery} applies to each record the trail configuration
 * in effect when its call was made, and the exporter's filter
 * ({@link io.strongroom.audit.trails.CloudTrailService#exportFilter()}) delivers what was made before a
 * trail was stopped, narrowed or deleted.
 */
package io.strongroom.audit.trails;
