package org.hafnia.postprocess.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XdmfIndexTest {

    @Test
    void describesATemporalCollectionOfCellCentredGridsReadFromHdf5() throws Exception {
        Grid2D grid = new Grid2D(51, 58, 1.0, 2.0, LengthUnit.NANOMETRE);
        String xml = XdmfIndex.temporal(grid, "phi", List.of(
                new XdmfIndex.Entry(0, "initial", "snapshots/initial.h5", "/phi"),
                new XdmfIndex.Entry(3e-8, "a<b", "snapshots/a_b.h5", "/phi")));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element collection = (Element) doc.getElementsByTagName("Grid").item(0);
        assertThat(collection.getAttribute("CollectionType")).isEqualTo("Temporal");
        NodeList grids = collection.getElementsByTagName("Grid");
        assertThat(grids.getLength()).isEqualTo(2);
        Element second = (Element) grids.item(1);
        assertThat(second.getAttribute("Name")).isEqualTo("a<b");
        assertThat(((Element) second.getElementsByTagName("Time").item(0)).getAttribute("Value")).isEqualTo("3.0E-8");
        // Dimensions are slowest first (y, x), as the ny × nx datasets; the origin is the first cell centre.
        assertThat(((Element) second.getElementsByTagName("Topology").item(0)).getAttribute("Dimensions")).isEqualTo("58 51");
        NodeList geometry = second.getElementsByTagName("Geometry").item(0).getChildNodes();
        List<String> items = new java.util.ArrayList<>();
        for (int k = 0; k < geometry.getLength(); k++) {
            if (geometry.item(k) instanceof Element e) {
                items.add(e.getTextContent());
            }
        }
        assertThat(items).containsExactly("1.0 0.5", "2.0 1.0");
        Element data = (Element) second.getElementsByTagName("Attribute").item(0).getChildNodes().item(1);
        assertThat(data.getAttribute("Format")).isEqualTo("HDF");
        assertThat(data.getTextContent()).isEqualTo("snapshots/a_b.h5:/phi");
    }
}
