"""matplotlib's run-time hook in the bundle (tools/build_bundle.py): it does nothing, on purpose.

It takes the place of PyInstaller's own (``pyi_rth_mplconfig``: run-time hooks of a user hook
folder come first, and a module's later ones are skipped), which points ``MPLCONFIGDIR`` at a
new temporary folder at every start, so that matplotlib would build its list of the system's
fonts again each time: half a second here, several seconds on a Windows machine with many
fonts, before every chart. Without it matplotlib keeps its configuration and font cache where it
does for ``python main.py``: ``MPLCONFIGDIR`` if set, else its per-user folder.
"""
