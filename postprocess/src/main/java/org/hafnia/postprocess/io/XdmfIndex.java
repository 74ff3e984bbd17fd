package org.hafnia.postprocess.io;

import java.util.List;
import java.util.Locale;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;

/**
 * An XDMF 3 index (http://xdmf.org, "XDMF Model and Format") of a time series of 2D fields
 * stored one HDF5 file per time, so that ParaView or VisIt open the whole series as one
 * dataset. The grid is a co-rectilinear mesh ({@code 3DCoRectMesh}, {@code ORIGIN_DXDYDZ}), in
 * the grid's unit; each field is read from {@code FILE:/DATASET}, an {@code ny × nx} (2D,
 * rows = y) or {@code nz × ny × nx} float64 array, as {@link Hdf5Writer#field} writes it.
 * <ul>
 * <li>3D: cell data on a mesh of (nx+1)(ny+1)(nz+1) nodes from the origin, so the mesh spans the
 * whole film, faces included: a φ = ½ isosurface of a channel that touches both electrodes
 * reaches z = 0 and z = nz·dz (node data at the cell centres stopped half a cell short).</li>
 * <li>2D: node data whose points are the cell centres, origin (dx/2, dy/2), as one layer at z = 0
 * ({@code 1 × ny × nx}): ParaView 5.11 reads a {@code 2DCoRectMesh} into the y–z plane.</li>
 * </ul>
 * XDMF lists dimensions, origin and spacing slowest axis first.
 *
 * <p>Times must not repeat: ParaView merges grids of equal time into one multi-block and then
 * shows none of them, so an entry whose time equals the previous one (e.g. a "final" snapshot
 * taken right after the last named one) is left out of the index; its HDF5 file stays.
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
        int[] shape = {1, grid.ny(), grid.nx()};
        return temporal(shape, shape, new double[] {0, grid.dy() / 2, grid.dx() / 2},
                new double[] {grid.dx(), grid.dy(), grid.dx()}, "Node", attribute, entries);
    }

    /** The XDMF text for {@code entries} of the scalar {@code attribute} on a 3D {@code grid}. */
    public static String temporal(Grid3D grid, String attribute, List<Entry> entries) {
        return temporal(new int[] {grid.nz() + 1, grid.ny() + 1, grid.nx() + 1},
                new int[] {grid.nz(), grid.ny(), grid.nx()}, new double[] {0, 0, 0},
                new double[] {grid.dz(), grid.dy(), grid.dx()}, "Cell", attribute, entries);
    }

    /**
     * The index of a co-rectilinear mesh of {@code nodes}, data of shape {@code data} centred on
     * {@code center} ("Node" or "Cell"); all slowest axis first.
     */
    private static String temporal(int[] nodes, int[] data, double[] originZyx, double[] spacing, String center,
                                   String attribute, List<Entry> entries) {
        StringBuilder x = new StringBuilder(512 + 600 * entries.size());
        x.append("<?xml version=\"1.0\" ?>\n<!DOCTYPE Xdmf SYSTEM \"Xdmf.dtd\" []>\n")
                .append("<Xdmf Version=\"3.0\">\n  <Domain>\n")
                .append("    <Grid Name=\"series\" GridType=\"Collection\" CollectionType=\"Temporal\">\n");
        StringBuilder dims = new StringBuilder();
        StringBuilder dataDims = new StringBuilder();
        StringBuilder origin = new StringBuilder();
        StringBuilder step = new StringBuilder();
        for (int a = 0; a < nodes.length; a++) {
            String sep = a == 0 ? "" : " ";
            dims.append(sep).append(nodes[a]);
            dataDims.append(sep).append(data[a]);
            origin.append(sep).append(originZyx[a]);
            step.append(sep).append(spacing[a]);
        }
        int rank = nodes.length;
        double previous = Double.NaN;
        for (Entry e : entries) {
            if (e.time() == previous) {
                continue;
            }
            previous = e.time();
            x.append(String.format(Locale.ROOT, "      <Grid Name=\"%s\" GridType=\"Uniform\">%n", escape(e.name())))
                    .append(String.format(Locale.ROOT, "        <Time Value=\"%s\"/>%n", e.time()))
                    .append(String.format(Locale.ROOT, "        <Topology TopologyType=\"3DCoRectMesh\" Dimensions=\"%s\"/>%n", dims))
                    .append(String.format(Locale.ROOT, "        <Geometry GeometryType=\"ORIGIN_DXDYDZ\">%n"))
                    .append(String.format(Locale.ROOT, "          <DataItem Format=\"XML\" Dimensions=\"%d\" NumberType=\"Float\" Precision=\"8\">%s</DataItem>%n",
                            rank, origin))
                    .append(String.format(Locale.ROOT, "          <DataItem Format=\"XML\" Dimensions=\"%d\" NumberType=\"Float\" Precision=\"8\">%s</DataItem>%n",
                            rank, step))
                    .append("        </Geometry>\n")
                    .append(String.format(Locale.ROOT, "        <Attribute Name=\"%s\" AttributeType=\"Scalar\" Center=\"%s\">%n", escape(attribute), center))
                    .append(String.format(Locale.ROOT, "          <DataItem Format=\"HDF\" Dimensions=\"%s\" NumberType=\"Float\" Precision=\"8\">%s:%s</DataItem>%n",
                            dataDims, escape(e.file()), escape(e.dataset())))
                    .append("        </Attribute>\n      </Grid>\n");
        }
        x.append("    </Grid>\n  </Domain>\n</Xdmf>\n");
        return x.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
