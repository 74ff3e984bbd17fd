package org.hafnia.postprocess.maps.io;

import org.hafnia.postprocess.maps.api.MapFormat;

class GsfFormatTest extends MapFormatContract {

    @Override
    MapFormat format() {
        return GsfFormat.INSTANCE;
    }

    /** Values are stored as float32: rounding to nearest has relative error ≤ 2⁻²⁴. */
    @Override
    double valueTolerance() {
        return 0x1p-24;
    }
}
