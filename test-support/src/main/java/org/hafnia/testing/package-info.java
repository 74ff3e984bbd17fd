/** Support shared by the modules' tests (a test-scoped dependency of each module that uses it). */
package org.hafnia.testing;
