"""Inventors without a server: a returned disclosure form taken in, reward statements out."""
