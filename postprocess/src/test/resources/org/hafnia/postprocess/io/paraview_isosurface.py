"""Open an XDMF series in ParaView, take the phi = 0.5 isosurface of the last step, render it.

Usage: xvfb-run -a pvbatch paraview_isosurface.py SERIES.xmf OUT.png
Prints one line 'RESULT {json}': time steps, whether phi is cell data, the isosurface's bounds
and point count. The picture is rendered from the side, white background, surface in blue.
"""
import json
import sys

from paraview.simple import (CellDatatoPointData, Contour, CreateView, GetActiveCamera, Render,
                             SaveScreenshot, SetActiveView, Show, XDMFReader)

reader = XDMFReader(FileNames=[sys.argv[1]])
reader.UpdatePipelineInformation()
times = list(reader.TimestepValues)
reader.UpdatePipeline(times[-1])
cell = reader.CellData.GetArray("phi") is not None
points = CellDatatoPointData(Input=reader) if cell else reader
iso = Contour(Input=points, ContourBy=["POINTS", "phi"], Isosurfaces=[0.5])
iso.UpdatePipeline(times[-1])
info = iso.GetDataInformation()

view = CreateView("RenderView")
view.ViewSize = [320, 320]
view.Background = [1, 1, 1]
view.OrientationAxesVisibility = 0
try:
    view.UseColorPaletteForBackground = 0
except AttributeError:
    pass
SetActiveView(view)
view.ViewTime = times[-1]
display = Show(iso, view)
display.DiffuseColor = [0.0, 0.45, 0.70]
display.AmbientColor = [0.0, 0.45, 0.70]
view.ResetCamera()
camera = GetActiveCamera()
camera.Elevation(-60)
view.ResetCamera()
Render(view)
SaveScreenshot(sys.argv[2], view, ImageResolution=[320, 320])
print("RESULT " + json.dumps({"times": len(times), "cell_data": cell, "points": info.GetNumberOfPoints(),
                              "bounds": list(info.GetBounds())}))
