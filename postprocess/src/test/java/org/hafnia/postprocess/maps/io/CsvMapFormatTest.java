package org.hafnia.postprocess.maps.io;

import org.hafnia.postprocess.maps.api.MapFormat;

class CsvMapFormatTest extends MapFormatContract {

    @Override
    MapFormat format() {
        return TextMatrixFormat.CSV;
    }
}
