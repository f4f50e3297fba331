package faultline.render;

public enum TextAlign { LEFT, CENTER, RIGHT }
