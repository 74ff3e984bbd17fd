package org.hafnia.postprocess.maps.io;

import org.hafnia.postprocess.maps.api.MapFormat;

class GwyFormatTest extends MapFormatContract {

    @Override
    MapFormat format() {
        return GwyFormat.INSTANCE;
    }
}
