/* The interface of libdropc.so. */
#pragma once
extern int dropcCalls;
extern const char *dropcName;
int dropcAdd(int a, int b);
double dropcHypot(double a, double b);
void dropcReport(const char *who);
