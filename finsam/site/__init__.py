"""The rendered site: planning, running notebooks in kernels, pages, indexes, incremental renders."""
