package org.hafnia.postprocess.maps.io;

import org.hafnia.postprocess.maps.api.MapFormat;

class JsonMapFormatTest extends MapFormatContract {

    @Override
    MapFormat format() {
        return JsonMapFormat.INSTANCE;
    }
}
