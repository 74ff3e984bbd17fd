package org.hafnia.postprocess.io;

import java.util.List;
import java.util.Locale;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;

/**
 * An XDMF 3 index (http://xdmf.org, "XDMF Model and Format") of a time series of 2D fields
 * stored one HDF5 file per time, so that ParaView or VisIt open the whole series as one
 * dataset. The grid is a co-rectilinear mesh ({@code 2DCoRectMesh}) whose points are the cell
 * centres of the {@link Grid2D}: origin (dx/2, dy/2), spacing (dx, dy), in the grid's unit; each
 * field is a node-centred scalar read from {@code FILE:/DATASET}, an {@code ny × nx} float64
 * array (rows = y), as {@link Hdf5Writer#field} writes it. A 3D series uses a
 * {@code 3DCoRectMesh} with {@code ORIGIN_DXDYDZ} geometry and {@code nz × ny × nx} datasets.
 * XDMF lists dimensions, origin and spacing slowest axis first.
 */
public final class XdmfIndex {

    /**
     * One time of the series.
     *
     * @param time    time value shown by the viewer
     * @param name    grid name (e.g. the snapshot name)
     * @param file    HDF5 file, relative to the index file
     * @param dataset absolute dataset path in the file
     */
    public record Entry(double time, String name, String file, String dataset) {
    }

    private XdmfIndex() {
    }

    /** The XDMF text for {@code entries} of the scalar {@code attribute} on a 2D {@code grid}. */
    public static String temporal(Grid2D grid, String attribute, List<Entry> entries) {
        return temporal("2DCoRectMesh", "ORIGIN_DXDY", new int[] {grid.ny(), grid.nx()},
                new double[] {grid.dy(), grid.dx()}, attribute, entries);
    }

    /** The XDMF text for {@code entries} of the scalar {@code attribute} on a 3D {@code grid}. */
    public static String temporal(Grid3D grid, String attribute, List<Entry> entries) {
        return temporal("3DCoRectMesh", "ORIGIN_DXDYDZ", new int[] {grid.nz(), grid.ny(), grid.nx()},
                new double[] {grid.dz(), grid.dy(), grid.dx()}, attribute, entries);
    }

    /** The index of a co-rectilinear mesh; {@code shape} and {@code spacing} slowest axis first. */
    private static String temporal(String topology, String geometry, int[] shape, double[] spacing, String attribute,
                                   List<Entry> entries) {
        StringBuilder x = new StringBuilder(512 + 600 * entries.size());
        x.append("<?xml version=\"1.0\" ?>\n<!DOCTYPE Xdmf SYSTEM \"Xdmf.dtd\" []>\n")
                .append("<Xdmf Version=\"3.0\">\n  <Domain>\n")
                .append("    <Grid Name=\"series\" GridType=\"Collection\" CollectionType=\"Temporal\">\n");
        StringBuilder dims = new StringBuilder();
        StringBuilder origin = new StringBuilder();
        StringBuilder step = new StringBuilder();
        for (int a = 0; a < shape.length; a++) {
            String sep = a == 0 ? "" : " ";
            dims.append(sep).append(shape[a]);
            origin.append(sep).append(spacing[a] / 2);
            step.append(sep).append(spacing[a]);
        }
        int rank = shape.length;
        for (Entry e : entries) {
            x.append(String.format(Locale.ROOT, "      <Grid Name=\"%s\" GridType=\"Uniform\">%n", escape(e.name())))
                    .append(String.format(Locale.ROOT, "        <Time Value=\"%s\"/>%n", e.time()))
                    .append(String.format(Locale.ROOT, "        <Topology TopologyType=\"%s\" Dimensions=\"%s\"/>%n", topology, dims))
                    .append(String.format(Locale.ROOT, "        <Geometry GeometryType=\"%s\">%n", geometry))
                    .append(String.format(Locale.ROOT, "          <DataItem Format=\"XML\" Dimensions=\"%d\" NumberType=\"Float\" Precision=\"8\">%s</DataItem>%n",
                            rank, origin))
                    .append(String.format(Locale.ROOT, "          <DataItem Format=\"XML\" Dimensions=\"%d\" NumberType=\"Float\" Precision=\"8\">%s</DataItem>%n",
                            rank, step))
                    .append("        </Geometry>\n")
                    .append(String.format(Locale.ROOT, "        <Attribute Name=\"%s\" AttributeType=\"Scalar\" Center=\"Node\">%n", escape(attribute)))
                    .append(String.format(Locale.ROOT, "          <DataItem Format=\"HDF\" Dimensions=\"%s\" NumberType=\"Float\" Precision=\"8\">%s:%s</DataItem>%n",
                            dims, escape(e.file()), escape(e.dataset())))
                    .append("        </Attribute>\n      </Grid>\n");
        }
        x.append("    </Grid>\n  </Domain>\n</Xdmf>\n");
        return x.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
