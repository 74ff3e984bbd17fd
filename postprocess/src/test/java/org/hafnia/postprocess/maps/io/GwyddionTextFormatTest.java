package org.hafnia.postprocess.maps.io;

import org.hafnia.postprocess.maps.api.MapFormat;

class GwyddionTextFormatTest extends MapFormatContract {

    @Override
    MapFormat format() {
        return TextMatrixFormat.GWYDDION_TEXT;
    }
}
