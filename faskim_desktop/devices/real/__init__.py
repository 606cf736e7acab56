"""Drivers for real device stacks (OpenCV, libfprint, SANE, the OS print queue, PC/SC).

Each module imports its library only inside functions and its ``available()`` classmethod, so a
computer without that library lists the driver as unavailable with the reason instead of
failing to start. ``scripts/devices start`` runs a stand-in for every stack on a development or
CI machine; ``tests/devices_stack`` drives these modules against them.
"""
