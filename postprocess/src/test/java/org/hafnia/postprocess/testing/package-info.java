/** Test support shared by the modules' real-client tests (published as this module's test jar). */
package org.hafnia.postprocess.testing;
