/* weft: placeholder, filled by its owner. */
