/**
 * Real dependencies for tests, each started once per JVM and shared: embedded PostgreSQL
 * 17 (or Testcontainers, or an explicit server), embedded Kafka (KRaft), Keycloak from
 * its Maven distribution, GreenMail SMTP and the Stripe emulator. Spring tests opt in
 * with one annotation each; the local stack launcher reuses the same classes.
 */
package com.worklib.platform.test;
