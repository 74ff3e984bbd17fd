/** PNG figures drawn with JFreeChart: heat-map panels with banded colour scales, line plots. */
package org.hafnia.postprocess.plots;
