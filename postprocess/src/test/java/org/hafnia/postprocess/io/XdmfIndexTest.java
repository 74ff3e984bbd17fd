package org.hafnia.postprocess.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.ScalarField3D;
import org.hafnia.meshes.LengthUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XdmfIndexTest {

    @Test
    void describesATemporalCollectionOfCellCentredGridsReadFromHdf5() throws Exception {
        Grid2D grid = new Grid2D(51, 58, 1.0, 2.0, LengthUnit.NANOMETRE);
        String xml = XdmfIndex.temporal(grid, "phi", List.of(
                new XdmfIndex.Entry(0, "initial", "snapshots/initial.h5", "/phi"),
                new XdmfIndex.Entry(3e-8, "a<b", "snapshots/a_b.h5", "/phi"),
                new XdmfIndex.Entry(3e-8, "final", "snapshots/final.h5", "/phi")));
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
        // A repeated time (the "final" snapshot) is left out: ParaView would merge the two and show neither.
        // 2D is one layer of a 3D mesh (ParaView reads a 2DCoRectMesh into the y–z plane); dimensions
        // are slowest first (z, y, x); the origin is the first cell centre at z = 0.
        assertThat(((Element) second.getElementsByTagName("Topology").item(0)).getAttribute("TopologyType")).isEqualTo("3DCoRectMesh");
        assertThat(((Element) second.getElementsByTagName("Topology").item(0)).getAttribute("Dimensions")).isEqualTo("1 58 51");
        NodeList geometry = second.getElementsByTagName("Geometry").item(0).getChildNodes();
        List<String> items = new java.util.ArrayList<>();
        for (int k = 0; k < geometry.getLength(); k++) {
            if (geometry.item(k) instanceof Element e) {
                items.add(e.getTextContent());
            }
        }
        assertThat(items).containsExactly("0.0 1.0 0.5", "1.0 2.0 1.0");
        Element data = (Element) second.getElementsByTagName("Attribute").item(0).getChildNodes().item(1);
        assertThat(data.getAttribute("Format")).isEqualTo("HDF");
        assertThat(data.getTextContent()).isEqualTo("snapshots/a_b.h5:/phi");
    }

    @Test
    void describesA3DSeriesAsCellDataOnAMeshThatSpansTheWholeFilm(@TempDir Path dir) throws Exception {
        Grid3D grid = new Grid3D(4, 3, 2, 0.5, 0.25, 1.0, LengthUnit.NANOMETRE);
        double[] v = new double[grid.size()];
        for (int n = 0; n < v.length; n++) {
            v[n] = n;
        }
        Path h5 = dir.resolve("s.h5");
        new Hdf5Writer().field("/phi", new ScalarField3D(grid, v), Map.of("unit", "1")).write(h5);
        try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(h5)) {
            io.jhdf.api.Dataset ds = f.getDatasetByPath("/phi");
            // nz × ny × nx, [k][j][i] the node (i, j, k) of the flat x-fastest array.
            assertThat(ds.getDimensions()).containsExactly(2, 3, 4);
            assertThat(((double[][][]) ds.getData())[1][2][3]).isEqualTo(grid.index(3, 2, 1));
        }
        String xml = XdmfIndex.temporal(grid, "phi", List.of(new XdmfIndex.Entry(1e-9, "final", "s.h5", "/phi")));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element topology = (Element) doc.getElementsByTagName("Topology").item(0);
        assertThat(topology.getAttribute("TopologyType")).isEqualTo("3DCoRectMesh");
        // One more node than cells on each axis, from the origin: the mesh reaches every face.
        assertThat(topology.getAttribute("Dimensions")).isEqualTo("3 4 5");
        Element geometry = (Element) doc.getElementsByTagName("Geometry").item(0);
        assertThat(geometry.getAttribute("GeometryType")).isEqualTo("ORIGIN_DXDYDZ");
        NodeList items = geometry.getElementsByTagName("DataItem");
        assertThat(items.item(0).getTextContent()).isEqualTo("0.0 0.0 0.0");
        assertThat(items.item(1).getTextContent()).isEqualTo("1.0 0.25 0.5");
        Element attribute = (Element) doc.getElementsByTagName("Attribute").item(0);
        assertThat(attribute.getAttribute("Center")).isEqualTo("Cell");
        Element data = (Element) attribute.getElementsByTagName("DataItem").item(0);
        assertThat(data.getAttribute("Dimensions")).isEqualTo("2 3 4");
    }
}
