# Pinned versions, sourced by the packaging scripts.
ACE_TORCH_VERSION=2.15.0
# The CUDA runtime wheels matching that torch build (torch 2.15.0 on PyPI is built for CUDA 13.2).
ACE_CUDA_RUNTIME_VERSION=13.2.86
