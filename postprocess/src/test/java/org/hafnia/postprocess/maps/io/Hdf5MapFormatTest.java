package org.hafnia.postprocess.maps.io;

import org.hafnia.postprocess.maps.api.MapFormat;

class Hdf5MapFormatTest extends MapFormatContract {

    @Override
    MapFormat format() {
        return Hdf5MapFormat.INSTANCE;
    }
}
