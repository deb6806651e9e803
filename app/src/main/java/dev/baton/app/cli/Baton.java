package dev.baton.app.cli;
public class Baton { public static void main(String[] a){} }
