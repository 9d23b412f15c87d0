from .liability import compare_by_source
