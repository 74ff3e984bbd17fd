/** Public interfaces of the physics models; implementations live in sibling packages. */
package org.hafnia.physics.api;
