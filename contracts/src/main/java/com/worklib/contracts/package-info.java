/**
 * Event payloads exchanged between Worklib services: one record per aggregate carrying
 * its full current state and a monotonically increasing version, plus topic and event
 * type names.
 */
package com.worklib.contracts;
