/** What every module shares: ARNs, identifiers, AWS errors and the service-provider interfaces. */
package io.strongroom.core;
