/**
 * notification-service: owns email deliveries, templates, contact read models; publishes
 * nothing; consumes every topic above that concerns a person.
 */
package com.worklib.notification;
