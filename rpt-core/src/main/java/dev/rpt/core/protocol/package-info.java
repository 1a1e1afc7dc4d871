/**
 * The protocol between rpt's roles and the models that play them, shared by the side that asks (the tuner, the judge)
 * and the simulator that answers offline: function and format names that must not drift apart.
 */
package dev.rpt.core.protocol;
