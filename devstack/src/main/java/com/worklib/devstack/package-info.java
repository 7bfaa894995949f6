/**
 * The one-command local platform: real engines from Maven artefacts (no Docker), every
 * service and the gateway as child JVMs with explicit heaps, data kept under
 * {@code .devstack/}.
 */
package com.worklib.devstack;
